namespace CaseGrains.Sharing;

/// <summary>
/// The resources departments may share into a case, after the Shenzhen personal-bankruptcy information sharing
/// standard: tax arrears, company registration and shareholders, lawsuits, social security, real estate and vehicles.
/// A department shares a resource only when its kind is the resource's source kind.
/// </summary>
public static class SharingCatalogue
{
    public static readonly IReadOnlyList<CatalogueResource> Resources =
    [
        new("tax-arrears", "欠缴税款", "Tax arrears", "tax", SharingMethod.ApiPush, SharingScope.Staff, UpdateFrequency.Daily, "taxItem",
            [new("taxItem", FieldType.Text, true), new("principalFen", FieldType.Fen, true), new("lateFeeFen", FieldType.Fen, false), new("assessedOn", FieldType.Date, true)]),
        new("company-registration", "企业登记信息", "Company registration", "market-supervision", SharingMethod.ApiPush, SharingScope.Participants,
            UpdateFrequency.RealTime, "creditCode",
            [new("creditCode", FieldType.CreditCode, true), new("name", FieldType.Text, true), new("legalRepresentative", FieldType.Text, true),
             new("registeredCapitalFen", FieldType.Fen, true), new("status", FieldType.Text, true)]),
        new("shareholders", "股东及出资", "Shareholders and contributions", "market-supervision", SharingMethod.ApiPush, SharingScope.Participants,
            UpdateFrequency.RealTime, "holder",
            [new("holder", FieldType.Text, true), new("subscribedFen", FieldType.Fen, true), new("paidFen", FieldType.Fen, false)]),
        new("lawsuits", "涉诉及执行案件", "Lawsuits and enforcement", "court-execution", SharingMethod.ApiPush, SharingScope.Staff, UpdateFrequency.Daily,
            "caseNumber",
            [new("caseNumber", FieldType.Text, true), new("court", FieldType.Text, true), new("role", FieldType.Text, true),
             new("amountFen", FieldType.Fen, false), new("status", FieldType.Text, true)]),
        new("social-security", "社会保险欠费", "Social insurance arrears", "social-security", SharingMethod.ApiPush, SharingScope.Staff,
            UpdateFrequency.Monthly, "period",
            [new("period", FieldType.Text, true), new("owedFen", FieldType.Fen, true), new("employees", FieldType.Count, false)]),
        new("real-estate", "不动产登记", "Real estate", "housing", SharingMethod.ApiPush, SharingScope.Staff, UpdateFrequency.Weekly, "certificateNumber",
            [new("certificateNumber", FieldType.Text, true), new("location", FieldType.Text, true), new("mortgagee", FieldType.Text, false),
             new("sealed", FieldType.Flag, false)]),
        new("vehicles", "机动车登记", "Motor vehicles", "public-security", SharingMethod.ApiPush, SharingScope.Staff, UpdateFrequency.Weekly, "plateNumber",
            [new("plateNumber", FieldType.Text, true), new("model", FieldType.Text, true), new("sealed", FieldType.Flag, false)]),
    ];

    public static CatalogueResource? Find(string? code) => Resources.FirstOrDefault(r => r.Code == code);
}
