x = 1
::lbl