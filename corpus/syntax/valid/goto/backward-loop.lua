local i = 1
::top::
i = i + 1
if i < 10 then goto top end
