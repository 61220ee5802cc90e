if a then goto l end
if b then goto l end
goto l
::l::
