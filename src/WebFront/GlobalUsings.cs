global using CaseGrains.Runtime;
