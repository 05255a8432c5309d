// One test per construct: the expected strings are what CPython 3.11's
// ast.dump(ast.parse(src)) prints (generated once with /usr/bin/python3).
#include "TestUtil.h"

#include <gtest/gtest.h>

#include <llvm/Support/Casting.h>

using aioc::test::dump;

TEST(Parser, Assign) {
  EXPECT_EQ(dump("x = 1\n"),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
            "value=Constant(value=1))], type_ignores=[])");
}

TEST(Parser, ChainedAssign) {
  EXPECT_EQ(
      dump("a = b = c\n"),
      "Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', "
      "ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])");
}

TEST(Parser, TupleUnpack) {
  EXPECT_EQ(
      dump("a, *b = c\n"),
      "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), "
      "Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], "
      "value=Name(id='c', ctx=Load()))], type_ignores=[])");
}

TEST(Parser, AugAssign) {
  EXPECT_EQ(
      dump("x += 1\nx //= 2\nx **= 3\nx @= y\n"),
      "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), "
      "value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), "
      "op=FloorDiv(), value=Constant(value=2)), AugAssign(target=Name(id='x', "
      "ctx=Store()), op=Pow(), value=Constant(value=3)), "
      "AugAssign(target=Name(id='x', ctx=Store()), op=MatMult(), "
      "value=Name(id='y', ctx=Load()))], type_ignores=[])");
}

TEST(Parser, AnnAssign) {
  EXPECT_EQ(dump("x: int = 5\n(y): str\na.b: int\n"),
            "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), "
            "annotation=Name(id='int', ctx=Load()), value=Constant(value=5), "
            "simple=1), AnnAssign(target=Name(id='y', ctx=Store()), "
            "annotation=Name(id='str', ctx=Load()), simple=0), "
            "AnnAssign(target=Attribute(value=Name(id='a', ctx=Load()), "
            "attr='b', ctx=Store()), annotation=Name(id='int', ctx=Load()), "
            "simple=0)], type_ignores=[])");
}

TEST(Parser, Delete) {
  EXPECT_EQ(dump("del a, b[0], c.d\n"),
            "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), "
            "Subscript(value=Name(id='b', ctx=Load()), "
            "slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='c', "
            "ctx=Load()), attr='d', ctx=Del())])], type_ignores=[])");
}

TEST(Parser, Pass) {
  EXPECT_EQ(dump("pass\n"), "Module(body=[Pass()], type_ignores=[])");
}

TEST(Parser, BreakContinue) {
  EXPECT_EQ(dump("while 1:\n    break\n    continue\n"),
            "Module(body=[While(test=Constant(value=1), body=[Break(), "
            "Continue()], orelse=[])], type_ignores=[])");
}

TEST(Parser, Return) {
  EXPECT_EQ(
      dump("def f():\n    return\n    return 1, 2\n"),
      "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
      "args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(), "
      "Return(value=Tuple(elts=[Constant(value=1), Constant(value=2)], "
      "ctx=Load()))], decorator_list=[])], type_ignores=[])");
}

TEST(Parser, Raise) {
  EXPECT_EQ(dump("raise\nraise E\nraise E from e\n"),
            "Module(body=[Raise(), Raise(exc=Name(id='E', ctx=Load())), "
            "Raise(exc=Name(id='E', ctx=Load()), cause=Name(id='e', "
            "ctx=Load()))], type_ignores=[])");
}

TEST(Parser, Global) {
  EXPECT_EQ(dump("global a, b\nnonlocal c\n"),
            "Module(body=[Global(names=['a', 'b']), Nonlocal(names=['c'])], "
            "type_ignores=[])");
}

TEST(Parser, Assert) {
  EXPECT_EQ(dump("assert x\nassert x, 'msg'\n"),
            "Module(body=[Assert(test=Name(id='x', ctx=Load())), "
            "Assert(test=Name(id='x', ctx=Load()), "
            "msg=Constant(value='msg'))], type_ignores=[])");
}

TEST(Parser, Import) {
  EXPECT_EQ(dump("import os, os.path as p\n"),
            "Module(body=[Import(names=[alias(name='os'), "
            "alias(name='os.path', asname='p')])], type_ignores=[])");
}

TEST(Parser, ImportFrom) {
  EXPECT_EQ(dump("from . import a\nfrom ..m import (b as c, d,)\nfrom ...x.y "
                 "import *\n"),
            "Module(body=[ImportFrom(names=[alias(name='a')], level=1), "
            "ImportFrom(module='m', names=[alias(name='b', asname='c'), "
            "alias(name='d')], level=2), ImportFrom(module='x.y', "
            "names=[alias(name='*')], level=3)], type_ignores=[])");
}

TEST(Parser, Semicolons) {
  EXPECT_EQ(dump("a; b; c;\n"),
            "Module(body=[Expr(value=Name(id='a', ctx=Load())), "
            "Expr(value=Name(id='b', ctx=Load())), Expr(value=Name(id='c', "
            "ctx=Load()))], type_ignores=[])");
}

TEST(Parser, If) {
  EXPECT_EQ(dump("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n"),
            "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], "
            "orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], "
            "orelse=[Pass()])])], type_ignores=[])");
}

TEST(Parser, While) {
  EXPECT_EQ(
      dump("while x:\n    pass\nelse:\n    y\n"),
      "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Pass()], "
      "orelse=[Expr(value=Name(id='y', ctx=Load()))])], type_ignores=[])");
}

TEST(Parser, For) {
  EXPECT_EQ(dump("for i, j in x:\n    pass\nelse:\n    pass\n"),
            "Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store()), "
            "Name(id='j', ctx=Store())], ctx=Store()), iter=Name(id='x', "
            "ctx=Load()), body=[Pass()], orelse=[Pass()])], type_ignores=[])");
}

TEST(Parser, AsyncFor) {
  EXPECT_EQ(dump("async def f():\n    async for x in y:\n        pass\n"),
            "Module(body=[AsyncFunctionDef(name='f', "
            "args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
            "kw_defaults=[], defaults=[]), body=[AsyncFor(target=Name(id='x', "
            "ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], "
            "orelse=[])], decorator_list=[])], type_ignores=[])");
}

TEST(Parser, With) {
  EXPECT_EQ(dump("with a as b, c:\n    pass\n"),
            "Module(body=[With(items=[withitem(context_expr=Name(id='a', "
            "ctx=Load()), optional_vars=Name(id='b', ctx=Store())), "
            "withitem(context_expr=Name(id='c', ctx=Load()))], "
            "body=[Pass()])], type_ignores=[])");
}

TEST(Parser, WithParenthesized) {
  EXPECT_EQ(dump("with (a as b, c as d,):\n    pass\n"),
            "Module(body=[With(items=[withitem(context_expr=Name(id='a', "
            "ctx=Load()), optional_vars=Name(id='b', ctx=Store())), "
            "withitem(context_expr=Name(id='c', ctx=Load()), "
            "optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], "
            "type_ignores=[])");
}

TEST(Parser, WithTupleItem) {
  EXPECT_EQ(dump("with (a, b) as c:\n    pass\n"),
            "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name("
            "id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), "
            "optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], "
            "type_ignores=[])");
}

TEST(Parser, AsyncWith) {
  EXPECT_EQ(
      dump("async def f():\n    async with a as b:\n        pass\n"),
      "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], "
      "args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), "
      "body=[AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
      "optional_vars=Name(id='b', ctx=Store()))], body=[Pass()])], "
      "decorator_list=[])], type_ignores=[])");
}

TEST(Parser, Try) {
  EXPECT_EQ(dump("try:\n    pass\nexcept E as e:\n    pass\nexcept:\n    "
                 "pass\nelse:\n    pass\nfinally:\n    pass\n"),
            "Module(body=[Try(body=[Pass()], "
            "handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', "
            "body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], "
            "finalbody=[Pass()])], type_ignores=[])");
}

TEST(Parser, TryStar) {
  EXPECT_EQ(dump("try:\n    pass\nexcept* (A, B) as e:\n    pass\n"),
            "Module(body=[TryStar(body=[Pass()], "
            "handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', "
            "ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), name='e', "
            "body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[])");
}

TEST(Parser, FunctionDef) {
  EXPECT_EQ(dump("def f(a, b=1, *args, c, d=2, **kw) -> int:\n    pass\n"),
            "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
            "args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='args'), "
            "kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, "
            "Constant(value=2)], kwarg=arg(arg='kw'), "
            "defaults=[Constant(value=1)]), body=[Pass()], decorator_list=[], "
            "returns=Name(id='int', ctx=Load()))], type_ignores=[])");
}

TEST(Parser, PositionalOnly) {
  EXPECT_EQ(dump("def f(a, /, b, *, c):\n    pass\n"),
            "Module(body=[FunctionDef(name='f', "
            "args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], "
            "kwonlyargs=[arg(arg='c')], kw_defaults=[None], defaults=[]), "
            "body=[Pass()], decorator_list=[])], type_ignores=[])");
}

TEST(Parser, AsyncFunctionDef) {
  EXPECT_EQ(
      dump("async def f():\n    await x\n"),
      "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], "
      "args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), "
      "body=[Expr(value=Await(value=Name(id='x', ctx=Load())))], "
      "decorator_list=[])], type_ignores=[])");
}

TEST(Parser, Decorators) {
  EXPECT_EQ(dump("@a\n@b.c(d)\ndef f(): pass\n@e\nclass C: pass\n"),
            "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
            "args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), "
            "body=[Pass()], decorator_list=[Name(id='a', ctx=Load()), "
            "Call(func=Attribute(value=Name(id='b', ctx=Load()), attr='c', "
            "ctx=Load()), args=[Name(id='d', ctx=Load())], keywords=[])]), "
            "ClassDef(name='C', bases=[], keywords=[], body=[Pass()], "
            "decorator_list=[Name(id='e', ctx=Load())])], type_ignores=[])");
}

TEST(Parser, ClassDef) {
  EXPECT_EQ(dump("class C(A, B, metaclass=M, **kw):\n    x = 1\n"),
            "Module(body=[ClassDef(name='C', bases=[Name(id='A', ctx=Load()), "
            "Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', "
            "value=Name(id='M', ctx=Load())), keyword(value=Name(id='kw', "
            "ctx=Load()))], body=[Assign(targets=[Name(id='x', ctx=Store())], "
            "value=Constant(value=1))], decorator_list=[])], type_ignores=[])");
}

TEST(Parser, Lambda) {
  EXPECT_EQ(
      dump("f = lambda a, *b, c=1, **d: a\ng = lambda: 0\n"),
      "Module(body=[Assign(targets=[Name(id='f', ctx=Store())], "
      "value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='a')], "
      "vararg=arg(arg='b'), kwonlyargs=[arg(arg='c')], "
      "kw_defaults=[Constant(value=1)], kwarg=arg(arg='d'), defaults=[]), "
      "body=Name(id='a', ctx=Load()))), Assign(targets=[Name(id='g', "
      "ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[], "
      "kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0)))], "
      "type_ignores=[])");
}

TEST(Parser, IfExp) {
  EXPECT_EQ(dump("a if b else c\n"),
            "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), "
            "body=Name(id='a', ctx=Load()), orelse=Name(id='c', "
            "ctx=Load())))], type_ignores=[])");
}

TEST(Parser, BoolOp) {
  EXPECT_EQ(dump("a and b and c or d\n"),
            "Module(body=[Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), "
            "values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), "
            "Name(id='c', ctx=Load())]), Name(id='d', ctx=Load())]))], "
            "type_ignores=[])");
}

TEST(Parser, UnaryOps) {
  EXPECT_EQ(dump("not a\n-b\n+c\n~d\n"),
            "Module(body=[Expr(value=UnaryOp(op=Not(), operand=Name(id='a', "
            "ctx=Load()))), Expr(value=UnaryOp(op=USub(), operand=Name(id='b', "
            "ctx=Load()))), Expr(value=UnaryOp(op=UAdd(), operand=Name(id='c', "
            "ctx=Load()))), Expr(value=UnaryOp(op=Invert(), "
            "operand=Name(id='d', ctx=Load())))], type_ignores=[])");
}

TEST(Parser, BinOps) {
  EXPECT_EQ(
      dump("a + b - c * d / e // f % g @ h ** i << j >> k | l ^ m & n\n"),
      "Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(left=BinOp(left="
      "BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Name(id='b', "
      "ctx=Load())), op=Sub(), "
      "right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='c'"
      ", ctx=Load()), op=Mult(), right=Name(id='d', ctx=Load())), op=Div(), "
      "right=Name(id='e', ctx=Load())), op=FloorDiv(), right=Name(id='f', "
      "ctx=Load())), op=Mod(), right=Name(id='g', ctx=Load())), op=MatMult(), "
      "right=BinOp(left=Name(id='h', ctx=Load()), op=Pow(), right=Name(id='i', "
      "ctx=Load())))), op=LShift(), right=Name(id='j', ctx=Load())), "
      "op=RShift(), right=Name(id='k', ctx=Load())), op=BitOr(), "
      "right=BinOp(left=Name(id='l', ctx=Load()), op=BitXor(), "
      "right=BinOp(left=Name(id='m', ctx=Load()), op=BitAnd(), "
      "right=Name(id='n', ctx=Load())))))], type_ignores=[])");
}

TEST(Parser, PowerRightAssoc) {
  EXPECT_EQ(dump("a ** b ** c\n-a ** b\n"),
            "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), "
            "op=Pow(), right=BinOp(left=Name(id='b', ctx=Load()), op=Pow(), "
            "right=Name(id='c', ctx=Load())))), Expr(value=UnaryOp(op=USub(), "
            "operand=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), "
            "right=Name(id='b', ctx=Load()))))], type_ignores=[])");
}

TEST(Parser, Compare) {
  EXPECT_EQ(dump("a < b <= c == d != e > f >= g is h is not i in j not in k\n"),
            "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), "
            "ops=[Lt(), LtE(), Eq(), NotEq(), Gt(), GtE(), Is(), IsNot(), "
            "In(), NotIn()], comparators=[Name(id='b', ctx=Load()), "
            "Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', "
            "ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load()), "
            "Name(id='h', ctx=Load()), Name(id='i', ctx=Load()), Name(id='j', "
            "ctx=Load()), Name(id='k', ctx=Load())]))], type_ignores=[])");
}

TEST(Parser, Call) {
  EXPECT_EQ(dump("f(a, *b, c=d, **e)\n"),
            "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), "
            "args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', "
            "ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', "
            "value=Name(id='d', ctx=Load())), keyword(value=Name(id='e', "
            "ctx=Load()))]))], type_ignores=[])");
}

TEST(Parser, CallGenerator) {
  EXPECT_EQ(dump("f(x for x in y)\n"),
            "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), "
            "args=[GeneratorExp(elt=Name(id='x', ctx=Load()), "
            "generators=[comprehension(target=Name(id='x', ctx=Store()), "
            "iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], "
            "keywords=[]))], type_ignores=[])");
}

TEST(Parser, Attribute) {
  EXPECT_EQ(dump("a.b.c\n"),
            "Module(body=[Expr(value=Attribute(value=Attribute(value=Name(id='"
            "a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load()))], "
            "type_ignores=[])");
}

TEST(Parser, Subscript) {
  EXPECT_EQ(dump("a[1]\na[1:2]\na[::3]\na[1:2, 3]\na[...]\na[*b]\n"),
            "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
            "slice=Constant(value=1), ctx=Load())), "
            "Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
            "slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), "
            "ctx=Load())), Expr(value=Subscript(value=Name(id='a', "
            "ctx=Load()), slice=Slice(step=Constant(value=3)), ctx=Load())), "
            "Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
            "slice=Tuple(elts=[Slice(lower=Constant(value=1), "
            "upper=Constant(value=2)), Constant(value=3)], ctx=Load()), "
            "ctx=Load())), Expr(value=Subscript(value=Name(id='a', "
            "ctx=Load()), slice=Constant(value=Ellipsis), ctx=Load())), "
            "Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
            "slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), "
            "ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])");
}

TEST(Parser, Starred) {
  EXPECT_EQ(dump("[*a, *b]\nprint(*a)\n"),
            "Module(body=[Expr(value=List(elts=[Starred(value=Name(id='a', "
            "ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), "
            "ctx=Load())], ctx=Load())), Expr(value=Call(func=Name(id='print', "
            "ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), "
            "ctx=Load())], keywords=[]))], type_ignores=[])");
}

TEST(Parser, ListTupleSetDict) {
  EXPECT_EQ(dump("[1, 2]\n(1,)\n()\n{1, 2}\n{1: 2, **d}\n{}\n"),
            "Module(body=[Expr(value=List(elts=[Constant(value=1), "
            "Constant(value=2)], ctx=Load())), "
            "Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load())), "
            "Expr(value=Tuple(elts=[], ctx=Load())), "
            "Expr(value=Set(elts=[Constant(value=1), Constant(value=2)])), "
            "Expr(value=Dict(keys=[Constant(value=1), None], "
            "values=[Constant(value=2), Name(id='d', ctx=Load())])), "
            "Expr(value=Dict(keys=[], values=[]))], type_ignores=[])");
}

TEST(Parser, Comprehensions) {
  EXPECT_EQ(
      dump("[x for x in y if x if z]\n{x for x in y}\n{k: v for k, v in d}\n(x "
           "for y in z for x in y)\n"),
      "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), "
      "generators=[comprehension(target=Name(id='x', ctx=Store()), "
      "iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load()), "
      "Name(id='z', ctx=Load())], is_async=0)])), "
      "Expr(value=SetComp(elt=Name(id='x', ctx=Load()), "
      "generators=[comprehension(target=Name(id='x', ctx=Store()), "
      "iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])), "
      "Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', "
      "ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', "
      "ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), "
      "iter=Name(id='d', ctx=Load()), ifs=[], is_async=0)])), "
      "Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), "
      "generators=[comprehension(target=Name(id='y', ctx=Store()), "
      "iter=Name(id='z', ctx=Load()), ifs=[], is_async=0), "
      "comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', "
      "ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])");
}

TEST(Parser, AsyncComprehension) {
  EXPECT_EQ(
      dump("async def f():\n    return [x async for x in y]\n"),
      "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], "
      "args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), "
      "body=[Return(value=ListComp(elt=Name(id='x', ctx=Load()), "
      "generators=[comprehension(target=Name(id='x', ctx=Store()), "
      "iter=Name(id='y', ctx=Load()), ifs=[], is_async=1)]))], "
      "decorator_list=[])], type_ignores=[])");
}

TEST(Parser, Walrus) {
  EXPECT_EQ(
      dump("if (n := len(a)) > 10:\n    pass\n[y := f(x), y**2]\n"),
      "Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', "
      "ctx=Store()), value=Call(func=Name(id='len', ctx=Load()), "
      "args=[Name(id='a', ctx=Load())], keywords=[])), ops=[Gt()], "
      "comparators=[Constant(value=10)]), body=[Pass()], orelse=[]), "
      "Expr(value=List(elts=[NamedExpr(target=Name(id='y', ctx=Store()), "
      "value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='x', "
      "ctx=Load())], keywords=[])), BinOp(left=Name(id='y', ctx=Load()), "
      "op=Pow(), right=Constant(value=2))], ctx=Load()))], type_ignores=[])");
}

TEST(Parser, Yield) {
  EXPECT_EQ(
      dump("def g():\n    yield\n    yield 1\n    x = yield from y\n"),
      "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], "
      "args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), "
      "body=[Expr(value=Yield()), Expr(value=Yield(value=Constant(value=1))), "
      "Assign(targets=[Name(id='x', ctx=Store())], "
      "value=YieldFrom(value=Name(id='y', ctx=Load())))], decorator_list=[])], "
      "type_ignores=[])");
}

TEST(Parser, Await) {
  EXPECT_EQ(
      dump("async def f():\n    await a.b()\n    return await c\n"),
      "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], "
      "args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), "
      "body=[Expr(value=Await(value=Call(func=Attribute(value=Name(id='a', "
      "ctx=Load()), attr='b', ctx=Load()), args=[], keywords=[]))), "
      "Return(value=Await(value=Name(id='c', ctx=Load())))], "
      "decorator_list=[])], type_ignores=[])");
}

TEST(Parser, Constants) {
  EXPECT_EQ(
      dump("None\nTrue\nFalse\n...\n"),
      "Module(body=[Expr(value=Constant(value=None)), "
      "Expr(value=Constant(value=True)), Expr(value=Constant(value=False)), "
      "Expr(value=Constant(value=Ellipsis))], type_ignores=[])");
}

TEST(Parser, Numbers) {
  EXPECT_EQ(dump("0\n1_000\n0xff\n0o17\n0b101\n1.5\n1e10\n."
                 "5\n3j\n1e400\n12345678901234567890123\n0.1\n1e-05\n"),
            "Module(body=[Expr(value=Constant(value=0)), "
            "Expr(value=Constant(value=1000)), "
            "Expr(value=Constant(value=255)), Expr(value=Constant(value=15)), "
            "Expr(value=Constant(value=5)), Expr(value=Constant(value=1.5)), "
            "Expr(value=Constant(value=10000000000.0)), "
            "Expr(value=Constant(value=0.5)), Expr(value=Constant(value=3j)), "
            "Expr(value=Constant(value=inf)), "
            "Expr(value=Constant(value=12345678901234567890123)), "
            "Expr(value=Constant(value=0.1)), "
            "Expr(value=Constant(value=1e-05))], type_ignores=[])");
}

TEST(Parser, Strings) {
  EXPECT_EQ(dump("'a' \"b\" '''c\n''' r'\\d' u'x' 'caf\\u00e9 \\N{BULLET} \\t "
                 "\\101 \\q'\n"),
            "Module(body=[Expr(value=Constant(value='abc\\n\\\\dxcafé • \\t A "
            "\\\\q'))], type_ignores=[])");
}

TEST(Parser, Bytes) {
  EXPECT_EQ(dump("b'\\x00\\n' rb'\\d' B\"'\"\n"),
            "Module(body=[Expr(value=Constant(value=b\"\\x00\\n\\\\d'\"))], "
            "type_ignores=[])");
}

TEST(Parser, UnicodeKind) {
  EXPECT_EQ(dump("u'x'\n"), "Module(body=[Expr(value=Constant(value='x', "
                            "kind='u'))], type_ignores=[])");
}

TEST(Parser, FString) {
  EXPECT_EQ(
      dump("f'a{b}c'\nf'{x!r:>{w}}'\nf'{x=}'\nf'{a}' 'b' "
           "f'{c:.2f}'\nf'{{}}'\nf\"{'q'}\"\n"),
      "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), "
      "FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), "
      "Constant(value='c')])), "
      "Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', "
      "ctx=Load()), conversion=114, "
      "format_spec=JoinedStr(values=[Constant(value='>'), "
      "FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]))])), "
      "Expr(value=JoinedStr(values=[Constant(value='x='), "
      "FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)])), "
      "Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', "
      "ctx=Load()), conversion=-1), Constant(value='b'), "
      "FormattedValue(value=Name(id='c', ctx=Load()), conversion=-1, "
      "format_spec=JoinedStr(values=[Constant(value='.2f')]))])), "
      "Expr(value=JoinedStr(values=[Constant(value='{}')])), "
      "Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value='q'), "
      "conversion=-1)]))], type_ignores=[])");
}

TEST(Parser, FStringNested) {
  EXPECT_EQ(dump("f'{f\"{x}\"}'\nf'''{\n a\n}'''\n"),
            "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value="
            "JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
            "conversion=-1)]), conversion=-1)])), "
            "Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', "
            "ctx=Load()), conversion=-1)]))], type_ignores=[])");
}

TEST(Parser, Match) {
  EXPECT_EQ(
      dump("match p:\n    case 1 | 2:\n        pass\n    case [a, *rest]:\n    "
           "    pass\n    case {'k': v, **r}:\n        pass\n    case "
           "Point(x=0, y=_) as pt if pt:\n        pass\n    case -1 | 1+2j | "
           "'a' | None | True:\n        pass\n    case (a, b):\n        pass\n "
           "   case _:\n        pass\n"),
      "Module(body=[Match(subject=Name(id='p', ctx=Load()), "
      "cases=[match_case(pattern=MatchOr(patterns=[MatchValue(value=Constant("
      "value=1)), MatchValue(value=Constant(value=2))]), body=[Pass()]), "
      "match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), "
      "MatchStar(name='rest')]), body=[Pass()]), "
      "match_case(pattern=MatchMapping(keys=[Constant(value='k')], "
      "patterns=[MatchAs(name='v')], rest='r'), body=[Pass()]), "
      "match_case(pattern=MatchAs(pattern=MatchClass(cls=Name(id='Point', "
      "ctx=Load()), patterns=[], kwd_attrs=['x', 'y'], "
      "kwd_patterns=[MatchValue(value=Constant(value=0)), MatchAs()]), "
      "name='pt'), guard=Name(id='pt', ctx=Load()), body=[Pass()]), "
      "match_case(pattern=MatchOr(patterns=[MatchValue(value=UnaryOp(op=USub(),"
      " operand=Constant(value=1))), "
      "MatchValue(value=BinOp(left=Constant(value=1), op=Add(), "
      "right=Constant(value=2j))), MatchValue(value=Constant(value='a')), "
      "MatchSingleton(value=None), MatchSingleton(value=True)]), "
      "body=[Pass()]), "
      "match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), "
      "MatchAs(name='b')]), body=[Pass()]), match_case(pattern=MatchAs(), "
      "body=[Pass()])])], type_ignores=[])");
}

TEST(Parser, MatchSoftKeywordAsName) {
  EXPECT_EQ(
      dump("match = 1\nmatch.x = 2\nmatch(a)\ncase = 3\n_ = 4\n"),
      "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], "
      "value=Constant(value=1)), "
      "Assign(targets=[Attribute(value=Name(id='match', ctx=Load()), attr='x', "
      "ctx=Store())], value=Constant(value=2)), "
      "Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='a', "
      "ctx=Load())], keywords=[])), Assign(targets=[Name(id='case', "
      "ctx=Store())], value=Constant(value=3)), Assign(targets=[Name(id='_', "
      "ctx=Store())], value=Constant(value=4))], type_ignores=[])");
}

TEST(Parser, MatchTupleSubject) {
  EXPECT_EQ(dump("match a, b:\n    case x, y:\n        pass\n"),
            "Module(body=[Match(subject=Tuple(elts=[Name(id='a', ctx=Load()), "
            "Name(id='b', ctx=Load())], ctx=Load()), "
            "cases=[match_case(pattern=MatchSequence(patterns=[MatchAs(name='x'"
            "), MatchAs(name='y')]), body=[Pass()])])], type_ignores=[])");
}

TEST(Parser, LineContinuation) {
  EXPECT_EQ(dump("x = 1 + \\\n    2\n"),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
            "value=BinOp(left=Constant(value=1), op=Add(), "
            "right=Constant(value=2)))], type_ignores=[])");
}

TEST(Parser, ImplicitJoin) {
  EXPECT_EQ(dump("x = (1 +\n     2)\ny = [\n  1,\n\n  2,\n]\n"),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
            "value=BinOp(left=Constant(value=1), op=Add(), "
            "right=Constant(value=2))), Assign(targets=[Name(id='y', "
            "ctx=Store())], value=List(elts=[Constant(value=1), "
            "Constant(value=2)], ctx=Load()))], type_ignores=[])");
}

TEST(Parser, NonAscii) {
  EXPECT_EQ(dump("é = 'ü'\nｗｉｄｔｈ = 1\n"),
            "Module(body=[Assign(targets=[Name(id='é', ctx=Store())], "
            "value=Constant(value='ü')), Assign(targets=[Name(id='width', "
            "ctx=Store())], value=Constant(value=1))], type_ignores=[])");
}

TEST(Parser, TypeHints) {
  EXPECT_EQ(
      dump("def f(x: list[int] | None = None) -> dict[str, 'T']:\n    y: "
           "Callable[..., int]\n"),
      "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
      "args=[arg(arg='x', "
      "annotation=BinOp(left=Subscript(value=Name(id='list', ctx=Load()), "
      "slice=Name(id='int', ctx=Load()), ctx=Load()), op=BitOr(), "
      "right=Constant(value=None)))], kwonlyargs=[], kw_defaults=[], "
      "defaults=[Constant(value=None)]), body=[AnnAssign(target=Name(id='y', "
      "ctx=Store()), annotation=Subscript(value=Name(id='Callable', "
      "ctx=Load()), slice=Tuple(elts=[Constant(value=Ellipsis), Name(id='int', "
      "ctx=Load())], ctx=Load()), ctx=Load()), simple=1)], decorator_list=[], "
      "returns=Subscript(value=Name(id='dict', ctx=Load()), "
      "slice=Tuple(elts=[Name(id='str', ctx=Load()), Constant(value='T')], "
      "ctx=Load()), ctx=Load()))], type_ignores=[])");
}

TEST(Parser, StarArgsAnnotation) {
  EXPECT_EQ(
      dump("def f(*args: *Ts): pass\n"),
      "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
      "args=[], vararg=arg(arg='args', annotation=Starred(value=Name(id='Ts', "
      "ctx=Load()), ctx=Load())), kwonlyargs=[], kw_defaults=[], defaults=[]), "
      "body=[Pass()], decorator_list=[])], type_ignores=[])");
}

TEST(Parser, Slices) {
  EXPECT_EQ(
      dump("a[:, 1:]\na[x:y:z]\n"),
      "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), "
      "slice=Tuple(elts=[Slice(), Slice(lower=Constant(value=1))], "
      "ctx=Load()), ctx=Load())), Expr(value=Subscript(value=Name(id='a', "
      "ctx=Load()), slice=Slice(lower=Name(id='x', ctx=Load()), "
      "upper=Name(id='y', ctx=Load()), step=Name(id='z', ctx=Load())), "
      "ctx=Load()))], type_ignores=[])");
}

TEST(Parser, Docstring) {
  EXPECT_EQ(dump("def f():\n    '''doc'''\n"),
            "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
            "args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), "
            "body=[Expr(value=Constant(value='doc'))], decorator_list=[])], "
            "type_ignores=[])");
}

TEST(Parser, Ellipsis) {
  EXPECT_EQ(dump("def f(): ...\n"),
            "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
            "args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), "
            "body=[Expr(value=Constant(value=Ellipsis))], decorator_list=[])], "
            "type_ignores=[])");
}

TEST(Parser, GlobalAtTop) {
  EXPECT_EQ(dump("x = 1\ndef f():\n    global x\n    x = 2\n"),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
            "value=Constant(value=1)), FunctionDef(name='f', "
            "args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
            "kw_defaults=[], defaults=[]), body=[Global(names=['x']), "
            "Assign(targets=[Name(id='x', ctx=Store())], "
            "value=Constant(value=2))], decorator_list=[])], type_ignores=[])");
}

// Positions follow Python's ast: 1-based lines, 0-based UTF-8 byte columns,
// exclusive end.
TEST(ParserPositions, ByteColumnsAfterNonAscii) {
  auto p = aioc::test::parse("x = 'é' + yy\n");
  ASSERT_TRUE(p->result.ok()) << p->diags;
  auto *assign = llvm::cast<aioc::Assign>(p->result.module->body[0]);
  auto *bin = llvm::cast<aioc::BinOp>(assign->value);
  // CPython: BinOp col 4..13, Name 'yy' col 11..13 ('é' is two bytes).
  EXPECT_EQ(bin->range.begin.col, 4u);
  EXPECT_EQ(bin->range.end.col, 13u);
  EXPECT_EQ(bin->right->range.begin.col, 11u);
  EXPECT_EQ(bin->right->range.end.col, 13u);
}

TEST(ParserPositions, MultiLineStatement) {
  auto p = aioc::test::parse("if a:\n    f(1,\n      2)\n");
  ASSERT_TRUE(p->result.ok()) << p->diags;
  auto *i = llvm::cast<aioc::If>(p->result.module->body[0]);
  EXPECT_EQ(i->range.begin.line, 1u);
  EXPECT_EQ(i->range.end.line, 3u);
  EXPECT_EQ(i->range.end.col, 8u);
  auto *call = llvm::cast<aioc::ExprStmt>(i->body[0])->value;
  EXPECT_EQ(call->range.begin.line, 2u);
  EXPECT_EQ(call->range.begin.col, 4u);
}

TEST(ParserPositions, FStringFieldPointsIntoTheFile) {
  auto p = aioc::test::parse("s = f'ab{xy}'\n");
  ASSERT_TRUE(p->result.ok()) << p->diags;
  auto *j = llvm::cast<aioc::JoinedStr>(
      llvm::cast<aioc::Assign>(p->result.module->body[0])->value);
  auto *fv = llvm::cast<aioc::FormattedValue>(j->values[1]);
  EXPECT_EQ(fv->value->range.begin.line, 1u);
  EXPECT_EQ(fv->value->range.begin.col, 9u);
  EXPECT_EQ(fv->value->range.end.col, 11u);
}

TEST(ParserPositions, DecoratedFunctionStartsAtDef) {
  auto p = aioc::test::parse("@d\nasync def f(): pass\n");
  ASSERT_TRUE(p->result.ok()) << p->diags;
  auto *f = llvm::cast<aioc::FunctionDef>(p->result.module->body[0]);
  EXPECT_TRUE(f->isAsync);
  EXPECT_EQ(f->range.begin.line, 2u);
  EXPECT_EQ(f->nameRange.begin.col, 10u);
}
