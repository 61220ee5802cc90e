goto l
:: l ::
::
m
::
