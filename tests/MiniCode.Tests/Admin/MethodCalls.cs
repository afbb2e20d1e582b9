using System.Reflection;
using System.Reflection.Emit;

namespace MiniCode.Tests.Admin;

/// <summary>
/// The methods a type calls, read from its IL, including the compiler-generated types nested in it (async state
/// machines, lambdas), so a test can tell what a page really does, not only what its constructor takes.
/// </summary>
public static class MethodCalls
{
    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    static MethodCalls()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            var value = (ushort)op.Value;
            if (op.Size == 1) OneByte[value] = op;
            else TwoByte[value & 0xFF] = op;
        }
    }

    /// <summary>Every method or constructor called (call, callvirt, newobj, ldftn) by <paramref name="type"/> and its nested types.</summary>
    public static IEnumerable<MethodBase> Of(Type type)
    {
        foreach (var nested in type.GetNestedTypes(Declared))
            foreach (var call in Of(nested)) yield return call;
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            foreach (var call in In(method)) yield return call;
    }

    private static IEnumerable<MethodBase> In(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var op = il[at] == 0xFE ? TwoByte[il[++at]] : OneByte[il[at]];
            at++;
            if (op.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, at);
                var called = method.Module.ResolveMethod(token, typeArgs, methodArgs);
                if (called is not null) yield return called;
            }
            at += OperandSize(op, il, at);
        }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
