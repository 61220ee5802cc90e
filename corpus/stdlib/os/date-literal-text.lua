-- Text around conversions is copied, zero bytes included; "%%" is a percent sign.
print(os.date("", 0) == "", os.date("!", 0) == "")
print(os.date("\0\0", 0) == "\0\0", os.date("!\0x\0", 0) == "\0x\0")
print(os.date("!plain text", 0))
print(os.date(string.rep("%", 20), 0))
print(#os.date(string.rep("%d", 300), 0))
print(os.date("!*t\0ignored", 0).year)
print(os.date("!%Y%%%m", 0), os.date("!100%% at %H", 0))
print(os.date("!**t", 0), os.date("!*T", 0))
