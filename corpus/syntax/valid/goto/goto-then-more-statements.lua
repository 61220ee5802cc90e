do goto l; x = 1; y = 2 end
::l::
