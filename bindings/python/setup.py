"""Build hook: copy a built libifreward.so into the package, if one exists.

Where it looks, in order: $IFREWARD_LIBRARY; then the usual CMake build
directories of this repository (build/, build-*/ at the top level). If none
exists, the package is built without a copy and finds the library at run time
($IFREWARD_LIBRARY or the system). Metadata lives in pyproject.toml.
"""

import glob
import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def _find_library():
    env = os.environ.get("IFREWARD_LIBRARY")
    if env and os.path.isfile(env):
        return env
    for pattern in ("build/libifreward.so", "build*/libifreward.so"):
        for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
            if os.path.isfile(path):
                return path
    return None


class BuildPyWithLibrary(build_py):
    def run(self):
        super().run()
        lib = _find_library()
        if lib is None:
            self.announce("ifreward: no libifreward.so found; not bundling one", level=2)
            return
        dest = os.path.join(self.build_lib, "ifreward", "libifreward.so")
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        # realpath: copy the file behind the libifreward.so -> .so.0 -> .so.0.1.0 links
        shutil.copyfile(os.path.realpath(lib), dest)
        self.announce("ifreward: bundled %s" % lib, level=2)


setup(cmdclass={"build_py": BuildPyWithLibrary})
