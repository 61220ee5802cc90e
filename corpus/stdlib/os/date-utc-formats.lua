-- strftime conversions in the C locale, in UTC.
local t = 1615687166 -- 2021-03-14 01:59:26 UTC, a Sunday
print(os.date("!%Y-%m-%d %H:%M:%S", t))
print(os.date("!%a %A %b %B %h", t))
print(os.date("!%c|%x|%X|%D|%F|%T|%R|%r", t))
print(os.date("!%d %e %j %m %M %S %H %I %p", t))
print(os.date("!%u %w %U %W %V %G %g %y %C", t))
print(os.date("!%z %Z %% %n %t", t) == "+0000 GMT % \n \t")
print(os.date("!%Ec|%EC|%Ex|%EX|%Ey|%EY", t))
print(os.date("!%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy", t))
print(os.date("!%I %p", t + 12 * 3600), os.date("!%I %p", 0), os.date("!%I %p", 43200))
