# Desktop integration and a .deb through CPack. Include it from the top-level
# CMakeLists.txt (include(packaging/packaging.cmake)), or without touching it:
#   cmake -DCMAKE_PROJECT_INCLUDE=$PWD/packaging/packaging.cmake ... && cpack
include(GNUInstallDirs)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/org.retort.Retort.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/org.retort.Retort.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/../resources/icons/retort.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME org.retort.Retort.svg)

set(CPACK_PACKAGE_NAME retort)
set(CPACK_PACKAGE_VENDOR "Retort developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Retort developers <retort@localhost>")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# Library dependencies come from dpkg-shlibdeps; the QPSQL plugin is loaded at
# run time, and alembic is only needed for revisions the native engine hands over.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-psql")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3-alembic, python3-psycopg2, postgresql-client")
include(CPack)
