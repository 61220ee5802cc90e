x=1y=2
z=3 w=0x10g=5
