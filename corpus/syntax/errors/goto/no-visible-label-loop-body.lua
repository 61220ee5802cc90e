while x do ::again:: end
goto again
