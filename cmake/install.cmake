# install.cmake - install rules, pkg-config file and CMake package (STYLE §9).
# Included by the top CMakeLists.txt when IFR_INSTALL is on.
include(CMakePackageConfigHelpers)

set(IFR_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/ifreward"
    CACHE STRING "Where ifrewardConfig.cmake is installed (relative to the prefix)")
set(IFR_PKGCONFIG_DIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
    CACHE STRING "Where ifreward.pc is installed (relative to the prefix)")

# --- the library and the header ---
install(TARGETS ifreward EXPORT ifrewardTargets
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT runtime
          NAMELINK_COMPONENT development
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT development
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT runtime)
install(FILES "${PROJECT_SOURCE_DIR}/include/ifreward.h"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT development)

# --- the command line (its data is compiled into the library) ---
if(IFR_BUILD_CLI AND TARGET ifreward_cli)
  install(TARGETS ifreward_cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
          COMPONENT runtime)
endif()

# --- pkg-config: relocatable (paths relative to the .pc file's directory) ---
function(_ifr_pc_path out dir)
  if(IS_ABSOLUTE "${dir}")
    set(${out} "${dir}" PARENT_SCOPE)
  else()
    set(${out} "\${prefix}/${dir}" PARENT_SCOPE)
  endif()
endfunction()
if(IS_ABSOLUTE "${IFR_PKGCONFIG_DIR}")
  set(IFR_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  # ${pcfiledir}/../.. for lib/pkgconfig, ${pcfiledir}/../../.. for lib/<triplet>/pkgconfig
  string(REGEX REPLACE "[^/]+" ".." _up "${IFR_PKGCONFIG_DIR}")
  string(REGEX REPLACE "/+$" "" _up "${_up}")
  set(IFR_PC_PREFIX "\${pcfiledir}/${_up}")
endif()
_ifr_pc_path(IFR_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
_ifr_pc_path(IFR_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
# IFR_STATIC tells the header not to use import/visibility attributes; only a
# static library needs it. IFR_BUILDING never reaches consumers.
if(BUILD_SHARED_LIBS)
  set(IFR_PC_CFLAGS "")
else()
  set(IFR_PC_CFLAGS " -DIFR_STATIC")
endif()
configure_file("${CMAKE_CURRENT_LIST_DIR}/ifreward.pc.in"
               "${PROJECT_BINARY_DIR}/ifreward.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/ifreward.pc"
  DESTINATION "${IFR_PKGCONFIG_DIR}" COMPONENT development)

# --- CMake package: ifreward::ifreward ---
if(BUILD_SHARED_LIBS)
  set(IFR_CONFIG_STATIC OFF)
else()
  set(IFR_CONFIG_STATIC ON)
endif()
install(EXPORT ifrewardTargets NAMESPACE ifreward::
  DESTINATION "${IFR_CMAKE_DIR}" COMPONENT development)
configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/ifrewardConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/ifrewardConfig.cmake"
  INSTALL_DESTINATION "${IFR_CMAKE_DIR}"
  NO_SET_AND_CHECK_MACRO)
# During 0.x every minor release may break the ABI (docs/ABI.md); from 1.0 on
# this becomes SameMajorVersion.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_ifr_compat SameMinorVersion)
else()
  set(_ifr_compat SameMajorVersion)
endif()
write_basic_package_version_file("${PROJECT_BINARY_DIR}/ifrewardConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY ${_ifr_compat})
install(FILES "${PROJECT_BINARY_DIR}/ifrewardConfig.cmake"
              "${PROJECT_BINARY_DIR}/ifrewardConfigVersion.cmake"
  DESTINATION "${IFR_CMAKE_DIR}" COMPONENT development)
