(f)()
("x"):rep(3)
(function() end)()
