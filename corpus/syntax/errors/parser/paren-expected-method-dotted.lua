function t:m.x() end
