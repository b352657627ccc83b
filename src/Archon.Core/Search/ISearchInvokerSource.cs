using Archon.Core.Execution;

namespace Archon.Core.Search;

/// <summary>
/// Implemented by a search environment that serves several model catalogs: which invoker runs a spec's models
/// (null = the host's default invoker).
/// </summary>
public interface ISearchInvokerSource
{
    IModelInvoker? Invoker(SearchSpec spec);
}
