local t = {}

function t.a.


  () end
