function o:m() local x = ... end
