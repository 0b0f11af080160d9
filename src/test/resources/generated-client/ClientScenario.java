package com.example.integration;

import com.thesisscreener.client.ApiClient;
import com.thesisscreener.client.ApiException;
import com.thesisscreener.client.ApiResponse;
import com.thesisscreener.client.api.PortfoliosApi;
import com.thesisscreener.client.api.ScoringApi;
import com.thesisscreener.client.model.Band;
import com.thesisscreener.client.model.CompanyRecord;
import com.thesisscreener.client.model.Created;
import com.thesisscreener.client.model.ProblemDetail;
import com.thesisscreener.client.model.Recommendation;
import com.thesisscreener.client.model.Results;
import com.thesisscreener.client.model.Segment;
import com.thesisscreener.client.model.SwitchingCost;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an integrator writes against the client that openapi-generator (Java, native library) makes from the
 * service's OpenAPI document. GeneratedClientTest compiles this file together with the generated sources and
 * calls it; answers come back as plain maps and files so the test can check them without the generated types.
 */
public class ClientScenario {

    private final ApiClient client;
    private final ScoringApi scoring;
    private final PortfoliosApi portfolios;

    public ClientScenario(String baseUrl, String apiKey) {
        client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> request.header("X-API-Key", apiKey));
        scoring = new ScoringApi(client);
        portfolios = new PortfoliosApi(client);
    }

    public Map<String, Object> scoreOneCompany() throws ApiException {
        CompanyRecord record = new CompanyRecord().ticker("VRSP").name("Veridian Sparrow AI").segment(Segment.MODEL_PROVIDER)
                .proprietaryData(false).distributionSwitchingCost(SwitchingCost.LOW).ownsCompute(false)
                .apiRevenueShare(0.9).tokenVolumeGrowth(1.6).pricePerTokenChange(-0.8);
        Recommendation answer = scoring.scoreCompany(ScoringApi.APIScoreCompanyRequest.newBuilder().companyRecord(record).build());
        Band band = answer.getBand();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("band", band.getValue());
        facts.put("score", answer.getScore());
        facts.put("firstRule", answer.getFindings().get(0).getRuleId());
        return facts;
    }

    public Map<String, Object> upload(File workbook, String name) throws ApiException {
        ApiResponse<Created> answer = portfolios.uploadPortfolioWithHttpInfo(
                PortfoliosApi.APIUploadPortfolioRequest.newBuilder()._file(workbook).name(name).build());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", answer.getStatusCode());
        facts.put("location", answer.getHeaders().getOrDefault("location", List.of()).stream().findFirst().orElse(null));
        facts.put("id", answer.getData().getPortfolio().getId());
        facts.put("screened", answer.getData().getPortfolio().getScreened());
        return facts;
    }

    public List<String> rankedBands(long portfolioId) throws ApiException {
        Results results = portfolios.getPortfolioResults(PortfoliosApi.APIGetPortfolioResultsRequest.newBuilder().id(portfolioId).build());
        return results.getItems().stream().map(r -> r.getBand().getValue()).toList();
    }

    public File reportXlsx(long portfolioId) throws ApiException {
        return portfolios.downloadReportXlsx(PortfoliosApi.APIDownloadReportXlsxRequest.newBuilder().id(portfolioId).build());
    }

    public File reportCsv(long portfolioId) throws ApiException {
        return portfolios.downloadReportCsv(PortfoliosApi.APIDownloadReportCsvRequest.newBuilder().id(portfolioId).build());
    }

    public File importTemplate() throws ApiException {
        return portfolios.downloadImportTemplate();
    }

    public int delete(long portfolioId) throws ApiException {
        return portfolios.deletePortfolioWithHttpInfo(PortfoliosApi.APIDeletePortfolioRequest.newBuilder().id(portfolioId).build())
                .getStatusCode();
    }

    /** Asks for a portfolio that does not exist and reads the answer as the typed problem document. */
    public Map<String, Object> problemForMissingPortfolio(long portfolioId) throws Exception {
        try {
            portfolios.getPortfolio(PortfoliosApi.APIGetPortfolioRequest.newBuilder().id(portfolioId).build());
            throw new IllegalStateException("portfolio " + portfolioId + " was found");
        } catch (ApiException e) {
            ProblemDetail problem = client.getObjectMapper().readValue(e.getResponseBody(), ProblemDetail.class);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("code", e.getCode());
            facts.put("contentType", e.getResponseHeaders().firstValue("content-type").orElse(""));
            facts.put("status", problem.getStatus());
            facts.put("type", problem.getType());
            facts.put("detail", problem.getDetail());
            return facts;
        }
    }
}
