namespace Microsoft.Azure.Functions.Worker;

/// <summary>Facade of <c>src/DotNetWorker.Core/Context/Features/IInvocationFeatures.cs</c>: the features of an invocation.</summary>
public interface IInvocationFeatures : IEnumerable<KeyValuePair<Type, object>>
{
    /// <summary>Sets the feature of type <typeparamref name="T"/>.</summary>
    void Set<T>(T instance);

    /// <summary>Gets the feature of type <typeparamref name="T"/>, or null.</summary>
    T? Get<T>();
}
