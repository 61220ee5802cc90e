goto continue
::continue:: ::_:: ::x1::
goto _
