# tst_engine_link: the engine cannot use QtGui or QtWidgets.
#  1. libvisor_engine needs neither library (readelf -d).
#  2. Its link options (--no-undefined) refuse a library that uses QImage without linking QtGui: the
#     probe target, built with the same options, must fail to link, naming QImage.
# cmake -DENGINE=... -DREADELF=... -DBUILD_DIR=... -P engine_link.cmake
execute_process(COMMAND ${READELF} -d ${ENGINE} OUTPUT_VARIABLE dynamic RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "readelf -d ${ENGINE} failed")
endif()
if(dynamic MATCHES "libQt6(Gui|Widgets)")
  message(FATAL_ERROR "libvisor_engine needs ${CMAKE_MATCH_0}:\n${dynamic}")
endif()
if(NOT dynamic MATCHES "libQt6Core")
  message(FATAL_ERROR "readelf shows no Qt at all; is ${ENGINE} the engine?\n${dynamic}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target engine_gui_probe
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0)
  message(FATAL_ERROR "the engine's link options accepted a library using QImage without QtGui")
endif()
if(NOT "${out}${err}" MATCHES "undefined reference to [`']?QImage")
  message(FATAL_ERROR "the probe failed, but not for the undefined QImage:\n${out}${err}")
endif()
message(STATUS "libvisor_engine needs no QtGui/QtWidgets, and its link options refuse QImage without QtGui")
