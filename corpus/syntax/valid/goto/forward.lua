goto skip
x = 1
::skip::
