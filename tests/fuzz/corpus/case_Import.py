import os, os.path as p
