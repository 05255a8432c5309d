from . import a
from ..m import (b as c, d,)
from ...x.y import *
