local a=1;local b={a,a};a=b[1]..b[2]..#b;a=a~=a;a=a<=a;a=a>=a;a=1<<2>>1
