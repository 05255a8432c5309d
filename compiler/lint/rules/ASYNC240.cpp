// ASYNC240: file-system calls (os.path, pathlib, os, shutil, glob) in a
// coroutine.
#include "lint/Rule.h"

#include <llvm/ADT/StringSet.h>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags calls that touch the disk inside an `async def`:
- `os.path.exists/isfile/isdir/islink/ismount/lexists/getsize/getmtime/
  getatime/getctime/samefile/sameopenfile/samestat/realpath/abspath/relpath/
  expanduser` (`expanduser` reads the password database -- NSS, possibly
  LDAP -- for `~user`, and for `~` when `HOME` is unset);
- the disk-touching methods of `pathlib.Path` (`exists`, `is_file`,
  `is_dir`, `read_text`, `read_bytes`, `write_text`, `write_bytes`, `stat`,
  `iterdir`, `glob`, `rglob`, `mkdir`, `rmdir`, `unlink`, `touch`,
  `rename`, `replace`, `resolve`, `chmod`, `samefile`, `readlink`, ...);
- more than flake8-async lists, because they block just the same:
  `os.remove/unlink/rename/renames/replace/listdir/scandir/stat/lstat/
  makedirs/mkdir/rmdir/removedirs/walk/chmod/chown/link/symlink/readlink/
  truncate/utime/fsync/access`, every `shutil` file operation
  (`copy`, `copy2`, `copyfile`, `copytree`, `rmtree`, `move`,
  `disk_usage`, `make_archive`, `unpack_archive`, `chown`, `which`: it
  stats every directory of PATH) and
  `glob.glob/iglob`.
Pure path arithmetic (`os.path.join`, `Path.name`, `Path / "x"`) is fine.

## Differences from ruff
`os.path.normpath` is not flagged (ruff does): it only rewrites the string
and never touches the disk. The `os`, `shutil`, `glob` and extra `os.path`
calls above go beyond ruff's list.

## Why is this bad?
Each of these is a synchronous system call; on a busy or network file
system it stalls every task of the event loop.

## Example
    import os, shutil
    async def rotate(log):
        if os.path.exists(log):
            shutil.move(log, log + ".1")

## Use instead
    import asyncio, os, shutil
    async def rotate(log):
        if await asyncio.to_thread(os.path.exists, log):
            await asyncio.to_thread(shutil.move, log, log + ".1")
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  static const llvm::StringSet<> names = {"os.path.exists",
                                          "os.path.isfile",
                                          "os.path.isdir",
                                          "os.path.islink",
                                          "os.path.ismount",
                                          "os.path.lexists",
                                          "os.path.getsize",
                                          "os.path.getmtime",
                                          "os.path.getatime",
                                          "os.path.getctime",
                                          "os.path.samefile",
                                          "os.path.sameopenfile",
                                          "os.path.samestat",
                                          "os.path.realpath",
                                          "os.path.abspath",
                                          "os.path.relpath",
                                          "os.path.expanduser",
                                          "os.remove",
                                          "os.unlink",
                                          "os.rename",
                                          "os.renames",
                                          "os.replace",
                                          "os.listdir",
                                          "os.scandir",
                                          "os.stat",
                                          "os.lstat",
                                          "os.makedirs",
                                          "os.mkdir",
                                          "os.rmdir",
                                          "os.removedirs",
                                          "os.walk",
                                          "os.chmod",
                                          "os.chown",
                                          "os.link",
                                          "os.symlink",
                                          "os.readlink",
                                          "os.truncate",
                                          "os.utime",
                                          "os.fsync",
                                          "os.access",
                                          "shutil.copy",
                                          "shutil.copy2",
                                          "shutil.copyfile",
                                          "shutil.copyfileobj",
                                          "shutil.copytree",
                                          "shutil.rmtree",
                                          "shutil.move",
                                          "shutil.disk_usage",
                                          "shutil.make_archive",
                                          "shutil.unpack_archive",
                                          "shutil.chown",
                                          "shutil.copymode",
                                          "shutil.copystat",
                                          "shutil.which",
                                          "glob.glob",
                                          "glob.iglob",
                                          "pathlib.Path.exists",
                                          "pathlib.Path.is_file",
                                          "pathlib.Path.is_dir",
                                          "pathlib.Path.is_symlink",
                                          "pathlib.Path.is_mount",
                                          "pathlib.Path.is_socket",
                                          "pathlib.Path.is_fifo",
                                          "pathlib.Path.read_text",
                                          "pathlib.Path.read_bytes",
                                          "pathlib.Path.write_text",
                                          "pathlib.Path.write_bytes",
                                          "pathlib.Path.stat",
                                          "pathlib.Path.lstat",
                                          "pathlib.Path.iterdir",
                                          "pathlib.Path.glob",
                                          "pathlib.Path.rglob",
                                          "pathlib.Path.mkdir",
                                          "pathlib.Path.rmdir",
                                          "pathlib.Path.unlink",
                                          "pathlib.Path.touch",
                                          "pathlib.Path.rename",
                                          "pathlib.Path.replace",
                                          "pathlib.Path.resolve",
                                          "pathlib.Path.absolute",
                                          "pathlib.Path.chmod",
                                          "pathlib.Path.lchmod",
                                          "pathlib.Path.samefile",
                                          "pathlib.Path.readlink",
                                          "pathlib.Path.symlink_to",
                                          "pathlib.Path.hardlink_to",
                                          "pathlib.Path.owner",
                                          "pathlib.Path.group",
                                          "pathlib.Path.expanduser",
                                          "pathlib.Path.cwd",
                                          "pathlib.Path.home"};
  if (!names.contains(c.qual))
    return false;
  m.message = "`" + c.written() +
              "` touches the file system with a "
              "blocking call";
  m.fix = startsWith(c.qual, "pathlib.")
              ? "use `await asyncio.to_thread(...)` around the call, or "
                "`anyio.Path`/`aiofiles.os`"
              : "use `" + toThreadFix(c) + "`";
  return true;
}

const Rule &ruleASYNC240() {
  static SimpleRule r({"ASYNC240", "blocking-path-method-in-async-function",
                       "blocking file-system call in an async function", kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
