-- Empty statements and semicolons are allowed.
;;; local a = 1; ; local b = 2;;
print(a + b);
do ; end
for i = 1, 2 do ; end
print('ok');
