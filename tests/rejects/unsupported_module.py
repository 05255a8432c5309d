# expect: 2:8: error: module `socket` is not supported by aioc
import socket
