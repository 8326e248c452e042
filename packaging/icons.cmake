# Renders packaging/icons/rekindle.svg to PNGs with rsvg-convert (librsvg2-bin) at build time: the hicolor sizes
# that get installed, and 16/32/48 px embedded into the binary as the window icon. Included from src/platform.
find_program(RSVG_CONVERT rsvg-convert)
if(NOT RSVG_CONVERT)
  message(FATAL_ERROR "rsvg-convert not found: apt-get install librsvg2-bin (./build.sh installs it)")
endif()
# INTERNAL cache entries: packaging/desktop.cmake installs these, from another directory scope.
set(REKINDLE_ICON_SVG ${REKINDLE_SOURCE_DIR}/packaging/icons/rekindle.svg CACHE INTERNAL "")
set(REKINDLE_ICON_DIR ${CMAKE_BINARY_DIR}/share/icons/hicolor CACHE INTERNAL "")
set(REKINDLE_ICON_INSTALL_SIZES 48 128 256 CACHE INTERNAL "")
set(REKINDLE_ICON_WINDOW_SIZES 16 32 48)
set(REKINDLE_ICON_PNGS)
foreach(size 16 32 48 128 256)
  set(png ${REKINDLE_ICON_DIR}/${size}x${size}/apps/rekindle.png)
  add_custom_command(OUTPUT ${png}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${REKINDLE_ICON_DIR}/${size}x${size}/apps
    COMMAND ${RSVG_CONVERT} --width ${size} --height ${size} --output ${png} ${REKINDLE_ICON_SVG}
    DEPENDS ${REKINDLE_ICON_SVG}
    COMMENT "Rendering the icon at ${size} px"
    VERBATIM)
  list(APPEND REKINDLE_ICON_PNGS ${png})
endforeach()
set(REKINDLE_WINDOW_ICON_SOURCE ${CMAKE_BINARY_DIR}/generated/window_icon_pngs.cpp)
set(window_pngs)
foreach(size ${REKINDLE_ICON_WINDOW_SIZES})
  list(APPEND window_pngs ${REKINDLE_ICON_DIR}/${size}x${size}/apps/rekindle.png)
endforeach()
string(REPLACE ";" "|" window_pngs_arg "${window_pngs}")
add_custom_command(OUTPUT ${REKINDLE_WINDOW_ICON_SOURCE}
  COMMAND ${CMAKE_COMMAND} "-DPNGS=${window_pngs_arg}" -DOUT=${REKINDLE_WINDOW_ICON_SOURCE}
    -P ${REKINDLE_SOURCE_DIR}/packaging/embed_pngs.cmake
  DEPENDS ${window_pngs} ${REKINDLE_SOURCE_DIR}/packaging/embed_pngs.cmake
  COMMENT "Embedding the window icon"
  VERBATIM)
add_custom_target(rekindle_icons ALL DEPENDS ${REKINDLE_ICON_PNGS})
