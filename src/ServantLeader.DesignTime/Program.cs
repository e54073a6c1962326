// Intentionally empty: this project exists so that `dotnet ef` has a startup project. See the .csproj.
return 0;
