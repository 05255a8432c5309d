try:
    pass
except E as e:
    pass
except:
    pass
else:
    pass
finally:
    pass
