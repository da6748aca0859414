# Whether the Python module can be built: it needs pybind11 and Debian's /usr/bin/python3 with
# numpy (the python3 first on PATH may be a pyenv build that cannot see Debian's python3-*
# packages; see ../shared/DEPENDENCIES.md). Sets FLOE_PYTHON_FOUND; a missing piece turns the
# module off with a line saying which package to install, and the rest of floe builds as before.
set(FLOE_PYTHON_FOUND OFF)
if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "Python the floe module is built for")
endif()
find_package(Python3 COMPONENTS Interpreter Development.Module)
if(NOT Python3_FOUND)
  message(STATUS "Python module: off (no python3 with its headers: apt-get install python3-dev)")
  return()
endif()
find_package(pybind11 CONFIG QUIET)
if(NOT pybind11_FOUND)
  message(STATUS "Python module: off (pybind11 not found: apt-get install python3-pybind11)")
  return()
endif()
execute_process(COMMAND ${Python3_EXECUTABLE} -c "import numpy"
                RESULT_VARIABLE floe_numpy_missing OUTPUT_QUIET ERROR_QUIET)
if(floe_numpy_missing)
  message(STATUS "Python module: off (${Python3_EXECUTABLE} has no numpy: apt-get install "
                 "python3-numpy)")
  return()
endif()
message(STATUS "Python module: on (${Python3_EXECUTABLE} ${Python3_VERSION}, "
               "pybind11 ${pybind11_VERSION})")
set(FLOE_PYTHON_FOUND ON)
