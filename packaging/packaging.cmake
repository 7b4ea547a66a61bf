# Desktop integration, the documents a Debian package must carry, and a .deb
# through CPack (scripts/package.sh builds it and runs lintian on it).
include(GNUInstallDirs)
set(RETORT_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/retort)
set(RETORT_PACKAGE_OUT ${CMAKE_BINARY_DIR}/packaging)

install(FILES ${CMAKE_CURRENT_LIST_DIR}/org.retort.Retort.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/org.retort.Retort.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/../resources/icons/retort.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME org.retort.Retort.svg)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/debian/copyright DESTINATION ${RETORT_DOC_DIR})

# Debian wants the changelog and the man page compressed with gzip -9n (no
# name or time stamp, so that rebuilds are identical).
add_custom_command(
  OUTPUT ${RETORT_PACKAGE_OUT}/changelog.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${RETORT_PACKAGE_OUT}
  COMMAND sh -c "gzip -9n < \"$1\" > \"$2\"" sh ${CMAKE_CURRENT_LIST_DIR}/debian/changelog
          ${RETORT_PACKAGE_OUT}/changelog.gz
  DEPENDS ${CMAKE_CURRENT_LIST_DIR}/debian/changelog
  VERBATIM)
add_custom_target(retort_changelog ALL DEPENDS ${RETORT_PACKAGE_OUT}/changelog.gz)
install(FILES ${RETORT_PACKAGE_OUT}/changelog.gz DESTINATION ${RETORT_DOC_DIR})

# The man page is the built binary's own --help and --version (help2man), so
# the option text exists once, in app/cli/cliargs.cpp.
find_program(RETORT_HELP2MAN help2man)
if(RETORT_HELP2MAN)
  add_custom_command(
    OUTPUT ${RETORT_PACKAGE_OUT}/retort.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${RETORT_PACKAGE_OUT}
    COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
            ${RETORT_HELP2MAN} --no-info --section=1
            "--name=${PROJECT_DESCRIPTION}"
            --include=${CMAKE_CURRENT_LIST_DIR}/retort.h2m
            --output=${RETORT_PACKAGE_OUT}/retort.1 $<TARGET_FILE:retort>
    COMMAND sed -i -f ${CMAKE_CURRENT_LIST_DIR}/manpage.sed ${RETORT_PACKAGE_OUT}/retort.1
    COMMAND gzip -9nf ${RETORT_PACKAGE_OUT}/retort.1
    DEPENDS retort ${CMAKE_CURRENT_LIST_DIR}/retort.h2m ${CMAKE_CURRENT_LIST_DIR}/manpage.sed
    VERBATIM)
  add_custom_target(retort_manpage ALL DEPENDS ${RETORT_PACKAGE_OUT}/retort.1.gz)
  install(FILES ${RETORT_PACKAGE_OUT}/retort.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "help2man not found: no man page (install Debian's help2man)")
endif()

set(CPACK_PACKAGE_NAME retort)
set(CPACK_PACKAGE_VENDOR "Retort developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# One string: a list would join its lines with ';'.
set(CPACK_PACKAGE_DESCRIPTION "Retort opens an existing Alembic project as it is, shows its revision graph
and where each database stands on it, previews the SQL of any upgrade or
downgrade, and applies, rolls back and stamps revisions under an advisory
lock, natively where it can and through the project's own alembic where it
must. Its command line prints what alembic prints.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# The maintainers as the repository records them (git log).
set(RETORT_MAINTAINER "Seed 6b936703 maintainers <maintainers@users.noreply.b-seed-6b936703.example>" CACHE STRING "The .deb's Maintainer field")
set(CPACK_PACKAGE_CONTACT "${RETORT_MAINTAINER}")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The packaged binary is stripped and its debug info goes to a separate
# retort-dbgsym .ddeb (by build id), as Debian's own packages do. (No
# CPACK_STRIP_FILES: stripped first, there would be nothing left to split.)
set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)
# Library dependencies come from dpkg-shlibdeps; the QPSQL plugin is loaded at
# run time, and alembic is only needed for revisions the native engine hands over.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-psql")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3-alembic, python3-psycopg2, postgresql-client")
include(CPack)
