x = 1
--[[ long comment closed at EOF ]]