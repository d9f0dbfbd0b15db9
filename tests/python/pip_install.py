"""Install bindings/python with pip into a fresh venv, offline, and use it.

Usage: pip_install.py BINDINGS_DIR   (IFREWARD_LIBRARY: the built .so to bundle)

Checks that `pip install --no-build-isolation` works without network (Debian's
setuptools, no PyPI), that the build bundles the library into the package,
and that the installed package finds that copy with IFREWARD_LIBRARY unset.
Exit 77 (skipped) if venv/ensurepip is unavailable.
"""

import os
import shutil
import subprocess
import sys
import tempfile


def main():
    src = os.path.abspath(sys.argv[1])
    lib = os.environ.get("IFREWARD_LIBRARY")
    if not lib or not os.path.isfile(lib):
        print("IFREWARD_LIBRARY must name the built library")
        return 1
    try:
        import ensurepip  # noqa: F401
        import setuptools  # noqa: F401
        import venv  # noqa: F401
        import wheel  # noqa: F401
    except ImportError as exc:
        print("SKIP: %s (apt-get install -y python3-venv python3-setuptools python3-wheel)"
              % exc)
        return 77
    with tempfile.TemporaryDirectory(prefix="ifr-pip-") as tmp:
        # Build from a copy so the source tree gets no build/ or egg-info.
        pkg = os.path.join(tmp, "src")
        shutil.copytree(src, pkg, ignore=shutil.ignore_patterns(
            "build", "*.egg-info", "__pycache__", "*.so*"))
        env_dir = os.path.join(tmp, "venv")
        # --system-site-packages: Debian's setuptools and wheel (python3-setuptools,
        # python3-wheel) do the build; nothing comes from PyPI.
        subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", env_dir],
                       check=True)
        py = os.path.join(env_dir, "bin", "python")
        env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
        env.pop("PYTHONPATH", None)
        subprocess.run([py, "-m", "pip", "install", "--no-build-isolation", "--no-index",
                        "--quiet", pkg], check=True, env=env)
        env.pop("IFREWARD_LIBRARY", None)
        probe = (
            "import ifreward, os, sys\n"
            "path = ifreward.library_path()\n"
            "assert path.startswith(sys.prefix), path\n"
            "assert os.path.dirname(path) == os.path.dirname(ifreward.__file__), path\n"
            "spec = {'instruction_id_list': ['punctuation:no_comma'], 'kwargs': [{}]}\n"
            "assert ifreward.score(spec, 'no commas') == 1.0\n"
            "assert ifreward.score(spec, 'a, b') == 0.0\n"
            "import ifreward.trl, ifreward.serve\n"
            "print('installed ifreward', ifreward.version(), 'using', path)\n")
        subprocess.run([py, "-c", probe], check=True, env=env, cwd=tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
