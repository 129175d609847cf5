using Microsoft.CodeAnalysis;

namespace Policy.Model.DataFlow
{
    /// <summary>What a data source is.</summary>
    public enum DataSourceKind
    {
        /// <summary>A field or property read (<c>customer.Email</c>).</summary>
        Member,

        /// <summary>A whole object of a type of the project's own code (<c>$"{customer}"</c>, <c>engine.Predict(input)</c>).</summary>
        Type,

        /// <summary>A classified parameter (<c>[Classification(DataClass.Personal)] string email</c>).</summary>
        Parameter,

        /// <summary>The classified return value of a method (<c>[return: Classification(...)]</c>).</summary>
        ReturnValue,

        /// <summary>
        /// Untrusted input (request data, console input): not classified data (never POL010/POL011) but what POL041
        /// looks for in system prompts.
        /// </summary>
        Untrusted,
    }

    /// <summary>
    /// A place data comes from, as the flow analysis found it: a member, a whole object, a parameter or a return value,
    /// with its classification (null: unclassified) and where the method reads it.
    /// </summary>
    public sealed class DataSource
    {
        /// <summary>Creates a source.</summary>
        public DataSource(DataSourceKind kind, ISymbol symbol, string name, DataLabel? label, Location? location)
        {
            Kind = kind;
            Symbol = symbol;
            Name = name;
            Label = label;
            Location = location;
        }

        /// <summary>What kind of source.</summary>
        public DataSourceKind Kind { get; }

        /// <summary>The member, type, parameter or method.</summary>
        public ISymbol Symbol { get; }

        /// <summary>How messages name it, for example <c>Customer.Email</c>, <c>LoanInput</c>, <c>parameter 'email'</c>.</summary>
        public string Name { get; }

        /// <summary>Its classification; null when neither it nor its type is classified.</summary>
        public DataLabel? Label { get; }

        /// <summary>Where the analysed method reads it; null for a source known from a type alone (ML.NET input types).</summary>
        public Location? Location { get; }

        /// <summary>The same source read at another place.</summary>
        internal DataSource At(Location? location) => new DataSource(Kind, Symbol, Name, Label, location);

        /// <summary>Identity for de-duplication: the name and the class.</summary>
        internal string Key => Name + "\u0000" + (Label is null ? "-" : Label.Display);
    }
}
