async def f():
    await a.b()
    return await c
