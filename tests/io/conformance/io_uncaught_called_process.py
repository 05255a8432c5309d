import subprocess

print("before")
out = subprocess.check_output(["sh", "-c", "echo hi; exit 3"])
print(out)
