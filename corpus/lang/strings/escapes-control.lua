-- Control-character escapes and their byte values.
print(('\a\b\f\n\r\t\v\\\"\''):byte(1, -1))
print('tab:\tend', 'quote:\"', "apos:\'")
print('line1\nline2')
print(#'\0', ('\0'):byte(), #'a\0b\0c')
