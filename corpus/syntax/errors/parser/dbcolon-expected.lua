::a x
