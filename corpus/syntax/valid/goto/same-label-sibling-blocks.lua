do ::l:: end
do ::l:: end
while x do ::l:: end
