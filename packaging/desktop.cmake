# Desktop integration, built into <build>/share with the same layout it is installed with: the desktop entry, the
# icon (SVG + PNGs from icons.cmake), the AppStream metainfo and the man page (scdoc).
set(REKINDLE_APP_ID io.github.rekindle.Rekindle)
set(REKINDLE_GITHUB_REPO "rekindle/rekindle" CACHE STRING "owner/name of the public repository (AppStream homepage and screenshots)")
set(REKINDLE_HOMEPAGE "https://github.com/${REKINDLE_GITHUB_REPO}")
# Screenshots from the release's tag, so the software centre shows the screens of the version it offers.
set(REKINDLE_SCREENSHOT_URL "https://raw.githubusercontent.com/${REKINDLE_GITHUB_REPO}/v${PROJECT_VERSION}/docs/screenshots/scale1")

set(share ${CMAKE_BINARY_DIR}/share)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/rekindle.desktop ${share}/applications/rekindle.desktop COPYONLY)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/${REKINDLE_APP_ID}.metainfo.xml.in
  ${share}/metainfo/${REKINDLE_APP_ID}.metainfo.xml @ONLY)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/icons/rekindle.svg ${share}/icons/hicolor/scalable/apps/rekindle.svg COPYONLY)

# The man page, compressed as Debian wants it (gzip -n: no time stamp, so the package is reproducible).
find_program(SCDOC scdoc)
if(NOT SCDOC)
  message(FATAL_ERROR "scdoc not found (it builds the man page): apt-get install scdoc (./build.sh installs it)")
endif()
set(REKINDLE_MAN ${share}/man/man1/rekindle.1)
add_custom_command(OUTPUT ${REKINDLE_MAN} ${REKINDLE_MAN}.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${share}/man/man1
  COMMAND sh -c "\"$0\" < \"$1\" > \"$2\" && gzip -9 -n -c \"$2\" > \"$2.gz\"" ${SCDOC}
    ${REKINDLE_SOURCE_DIR}/docs/rekindle.1.scd ${REKINDLE_MAN}
  DEPENDS ${REKINDLE_SOURCE_DIR}/docs/rekindle.1.scd
  COMMENT "Building the man page with scdoc"
  VERBATIM)
add_custom_target(rekindle_man ALL DEPENDS ${REKINDLE_MAN}.gz)

install(FILES ${share}/applications/rekindle.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${share}/metainfo/${REKINDLE_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${REKINDLE_ICON_SVG} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size ${REKINDLE_ICON_INSTALL_SIZES})
  install(FILES ${REKINDLE_ICON_DIR}/${size}x${size}/apps/rekindle.png
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${REKINDLE_MAN}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
