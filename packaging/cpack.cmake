# The Debian package (CPack DEB): `./build.sh package` builds rekindle_<version>_<arch>.deb from the install rules.
# Dependencies come from dpkg-shlibdeps, plus what is loaded at run time rather than linked (fonts, the GL driver).
set(REKINDLE_MAINTAINER "Rekindle developers <rekindle@users.noreply.github.com>"
  CACHE STRING "Maintainer field of the .deb and the Debian changelog")

# Debian wants /usr/share/doc/<package>/copyright and, for a native package, changelog.gz (Debian format).
execute_process(COMMAND date -u -R -d "${REKINDLE_RELEASE_DATE} 12:00" OUTPUT_VARIABLE release_rfc2822
  OUTPUT_STRIP_TRAILING_WHITESPACE)
set(REKINDLE_DEBIAN_CHANGELOG ${CMAKE_BINARY_DIR}/share/doc/rekindle/changelog)
file(WRITE ${REKINDLE_DEBIAN_CHANGELOG}.in
  "rekindle (${PROJECT_VERSION}) stable; urgency=medium\n\n"
  "  * Release ${PROJECT_VERSION}. Every change is listed in CHANGELOG.md in the source.\n\n"
  " -- ${REKINDLE_MAINTAINER}  ${release_rfc2822}\n")
configure_file(${REKINDLE_DEBIAN_CHANGELOG}.in ${REKINDLE_DEBIAN_CHANGELOG} COPYONLY)
add_custom_command(OUTPUT ${REKINDLE_DEBIAN_CHANGELOG}.gz
  COMMAND sh -c "gzip -9 -n -c \"$0\" > \"$0.gz\"" ${REKINDLE_DEBIAN_CHANGELOG}
  DEPENDS ${REKINDLE_DEBIAN_CHANGELOG}
  VERBATIM)
add_custom_target(rekindle_debian_changelog ALL DEPENDS ${REKINDLE_DEBIAN_CHANGELOG}.gz)
install(FILES ${REKINDLE_DEBIAN_CHANGELOG}.gz ${CMAKE_CURRENT_SOURCE_DIR}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rekindle)
set(CPACK_PACKAGE_VENDOR "Rekindle developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${REKINDLE_MAINTAINER}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "private, guided reflection questionnaire")
set(CPACK_PACKAGE_DESCRIPTION "When someone you love is pulling away, Rekindle helps you reflect. It asks
calm questions one at a time, maps your answers to the tips that fit you best
and says why each one fits. When answers point to fear, control, violence or
self-harm, the result leads with safety guidance.

Every result is saved as plain JSON on your own computer and can be compared
with earlier ones. There is no account, no network use and no telemetry.
Rekindle is a reflection aid, not therapy.

Counsellors and coaches can write their own question sets in JSON and check
them live in the app or with the rekindle command.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # rekindle_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${REKINDLE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${REKINDLE_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not linked, so shlibdeps cannot see them: the font the interface is drawn with, and GLFW's dlopen of libGL.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, libgl1")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xdg-utils")  # "Open folder" in the app
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
# Every folder in the package 0755, whatever the umask of the machine that builds it.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
