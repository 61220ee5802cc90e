goto Label
::label::
