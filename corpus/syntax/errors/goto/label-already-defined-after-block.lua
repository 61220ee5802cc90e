::l::
do ::l:: end
::l::
