o:m()
o:m"x"
o:m{}
o:m(1, 2)
o.p:m[[s]]
