# `cmake --install`: the floe program, what it ships (data, scenarios, web assets) under
# share/floe, the public headers, and a CMake package so that another project can
#   find_package(floe REQUIRED)
#   target_link_libraries(my_program PRIVATE floe::floe)
# An installed floe finds its share/floe from where the program is (include/floe/install.h), so
# the prefix may be anywhere and the program run from any directory.
include(CMakePackageConfigHelpers)

install(TARGETS floe RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/floe/data)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/floe/scenarios)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/web/ DESTINATION ${CMAKE_INSTALL_DATADIR}/floe/web)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/floe DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# The modules, as static libraries behind one interface target, floe::floe.
get_property(floe_modules GLOBAL PROPERTY FLOE_MODULES)
add_library(floe_library INTERFACE)
set_target_properties(floe_library PROPERTIES EXPORT_NAME floe)
target_link_libraries(floe_library INTERFACE ${floe_modules})
add_library(floe::floe ALIAS floe_library)
install(TARGETS floe_library ${floe_modules} EXPORT floeTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT floeTargets NAMESPACE floe:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/floe)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/floeConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/floeConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/floe)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/floeConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/floeConfig.cmake ${PROJECT_BINARY_DIR}/floeConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/floe)
