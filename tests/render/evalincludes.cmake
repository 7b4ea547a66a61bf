# Fails when a file of app/core/eval includes a header of another core folder
# than eval/ and python/: Python evaluation knows nothing of alembic or of
# rendering (those come through its Host, render/alembichost.h).
# Usage: cmake -DCORE_DIR=<app/core> -P evalincludes.cmake
file(GLOB files "${CORE_DIR}/eval/*.h" "${CORE_DIR}/eval/*.cpp")
if(NOT files)
  message(FATAL_ERROR "no files under ${CORE_DIR}/eval")
endif()
set(bad "")
foreach(f IN LISTS files)
  file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"]+/")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"/]+)/.*$" "\\1" folder "${line}")
    if(NOT folder STREQUAL "eval" AND NOT folder STREQUAL "python")
      list(APPEND bad "${f}: ${line}")
    endif()
  endforeach()
endforeach()
if(bad)
  list(JOIN bad "\n" text)
  message(FATAL_ERROR "app/core/eval includes outside eval/ and python/:\n${text}")
endif()
list(LENGTH files n)
message(STATUS "${n} files of app/core/eval include only eval/ and python/")
