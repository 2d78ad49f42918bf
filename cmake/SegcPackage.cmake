# The installable segc library and its package: `cmake --install` puts the public headers, a
# shared and a static library (both named segc), a CMake package (find_package(segc) gives
# segc::segc) and a pkg-config file (segc.pc). Included by the top-level CMakeLists.txt after
# every component is defined.
#
# Both libraries are built from the object files of the component libraries (which are
# compiled position-independent, see CMAKE_POSITION_INDEPENDENT_CODE), so one file holds the
# whole compiler and runtime. The shared library links LLVM, the ANTLR runtime, RE2, utf8proc, fmt and
# zlib itself and exports only the C ABI (segc_*) and the C++ API (segc::Program, segc::rt::...)
# through cmake/segc.map; users of the static library link those dependencies too (the
# package and segc.pc name them).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The ABI version is declared once, in segc.h; it is the shared library's SOVERSION.
file(STRINGS ${PROJECT_SOURCE_DIR}/runtime/include/segc/segc.h segc_abi_line
     REGEX "^#define SEGC_ABI_VERSION [0-9]+$")
string(REGEX REPLACE "^#define SEGC_ABI_VERSION " "" SEGC_ABI_VERSION "${segc_abi_line}")

# Component libraries, users before what they use (link order for the static archive).
set(segc_package_components
  segc_capi segc_api segc_driver segc_pipeline segc_codegen segc_interp segc_plan segc_ir
  segc_sema segc_stdlib segc_syntax segc_grammar_gen segc_ast segc_diag segc_runtime)
set(segc_package_objects "")
foreach(component IN LISTS segc_package_components)
  if(TARGET ${component})  # segc_api lands with the C++ embedding API
    list(APPEND segc_package_objects $<TARGET_OBJECTS:${component}>)
  endif()
endforeach()

# Third-party libraries the components use (all shared on Debian).
set(segc_package_dependencies LLVM ${SEGC_ANTLR4_LIBRARY} ${SEGC_RE2_LIBRARY}
                              ${SEGC_UTF8PROC_LIBRARY} fmt::fmt ZLIB::ZLIB Threads::Threads)

add_library(segc_shared SHARED ${segc_package_objects})
set_target_properties(segc_shared PROPERTIES
  OUTPUT_NAME segc VERSION ${PROJECT_VERSION} SOVERSION ${SEGC_ABI_VERSION}
  LINK_DEPENDS ${PROJECT_SOURCE_DIR}/cmake/segc.map)
target_link_libraries(segc_shared PRIVATE ${segc_package_dependencies})
target_link_options(segc_shared PRIVATE
  -Wl,--version-script=${PROJECT_SOURCE_DIR}/cmake/segc.map -Wl,--no-undefined)
target_include_directories(segc_shared INTERFACE
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)

add_library(segc_static STATIC ${segc_package_objects})
set_target_properties(segc_static PROPERTIES OUTPUT_NAME segc)
# Installed users find the dependencies by name (the package's config finds their targets).
target_link_libraries(segc_static INTERFACE
  $<INSTALL_INTERFACE:LLVM> $<INSTALL_INTERFACE:antlr4-runtime> $<INSTALL_INTERFACE:re2>
  $<INSTALL_INTERFACE:utf8proc>
  $<INSTALL_INTERFACE:fmt::fmt> $<INSTALL_INTERFACE:ZLIB::ZLIB>
  $<INSTALL_INTERFACE:Threads::Threads>)
target_include_directories(segc_static INTERFACE
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)

# The public headers: the C ABI, the C++ API and what they include. Internal runtime headers
# (check.h, stats.h, schema_infer.h, profile.h, writer.h) stay out.
set(segc_public_headers segc.h segc.hpp arrow_abi.h arrow.h executor.h kernel_abi.h column.h
                        bitmap.h buffer.h result.h schema.h table.h csv.h data_error.h)
list(TRANSFORM segc_public_headers PREPEND ${PROJECT_SOURCE_DIR}/runtime/include/segc/)
install(FILES ${segc_public_headers} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/segc)

set(segc_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/segc)
install(TARGETS segc_shared EXPORT segcSharedTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS segc_static EXPORT segcStaticTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT segcSharedTargets NAMESPACE segc:: DESTINATION ${segc_cmake_dir})
install(EXPORT segcStaticTargets NAMESPACE segc:: DESTINATION ${segc_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/segcConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/segcConfig.cmake INSTALL_DESTINATION ${segc_cmake_dir})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/segcConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/segcConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/segcConfigVersion.cmake
        DESTINATION ${segc_cmake_dir})

# segc.pc, relocatable: the prefix is found from the file's own place.
set(segc_pc_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH segc_pc_to_prefix /${segc_pc_dir} /)
string(REGEX REPLACE "/$" "" segc_pc_to_prefix "${segc_pc_to_prefix}")
set(segc_llvm_libdir ${LLVM_LIBRARY_DIR})
configure_file(${PROJECT_SOURCE_DIR}/cmake/segc.pc.in ${CMAKE_CURRENT_BINARY_DIR}/segc.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/segc.pc DESTINATION ${segc_pc_dir})
